package se.paragraf.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Seals minutes with the organisation's key from a PKCS#12 keystore
 * ({@code paragraf.signing.keystore}, {@code paragraf.signing.password}). Without one configured it
 * makes a self-signed organisation certificate on first use, in the data directory, and says so in
 * the log: fine for trying Paragraf out, to be replaced by a real certificate in production. Another
 * signer (an e-ID signing service) replaces this one by being declared {@code @Primary}.
 */
@Component
class OrganisationKeySigner implements MinutesSigner {

	private static final Logger log = LoggerFactory.getLogger(OrganisationKeySigner.class);

	private static final String GENERATED_PASSWORD = "paragraf";

	private final @Nullable String keystore;

	private final String password;

	private final Path generated;

	private final String organisation;

	private volatile @Nullable Credentials credentials;

	private final Clock clock;

	OrganisationKeySigner(@Value("${paragraf.signing.keystore:}") @Nullable String keystore,
			@Value("${paragraf.signing.password:}") String password,
			@Value("${paragraf.files.directory}") String filesDirectory,
			@Value("${paragraf.signing.organisation:Paragraf}") String organisation, Clock clock) {
		this.clock = clock;
		this.keystore = StringUtils.hasText(keystore) ? keystore : null;
		this.password = password;
		this.generated = Path.of(filesDirectory).resolve("signing").resolve("organisation.p12");
		this.organisation = organisation;
	}

	@Override
	public byte[] sign(byte[] pdf, String signers, String reason) {
		Credentials keys = credentials();
		try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(signers);
			signature.setReason(reason);
			signature.setLocation(this.organisation);
			signature.setSignDate(GregorianCalendar.from(ZonedDateTime.now(this.clock)));
			SignatureOptions options = new SignatureOptions();
			options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
			document.addSignature(signature, options);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
			external.setSignature(cms(external.getContent(), keys));
			options.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The organisation's certificate, e.g. to show or verify against. */
	X509Certificate certificate() {
		return credentials().certificate();
	}

	/** A detached CMS signature in the PAdES baseline form: signing-certificate-v2, no signing-time. */
	private static byte[] cms(InputStream content, Credentials keys) throws IOException {
		try {
			byte[] certHash = MessageDigest.getInstance("SHA-256").digest(keys.certificate().getEncoded());
			SigningCertificateV2 signingCertificate = new SigningCertificateV2(
					new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash));
			Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
			attributes.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
			CMSAttributeTableGenerator signed = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
				@Override
				@SuppressWarnings({ "rawtypes", "unchecked" })
				public AttributeTable getAttributes(Map parameters) {
					// PAdES puts the claimed signing time in the signature dictionary, not in the CMS.
					return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
				}
			};
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.key());
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(signed)
				.build(signer, keys.certificate()));
			generator.addCertificates(new JcaCertStore(List.of(keys.certificate())));
			return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
			throw new IllegalStateException("Cannot sign the minutes", ex);
		}
	}

	private Credentials credentials() {
		Credentials current = this.credentials;
		if (current == null) {
			synchronized (this) {
				current = this.credentials;
				if (current == null) {
					current = load();
					this.credentials = current;
				}
			}
		}
		return current;
	}

	private Credentials load() {
		try {
			if (this.keystore != null) {
				return read(Path.of(this.keystore), this.password.toCharArray());
			}
			if (!Files.exists(this.generated)) {
				generate(this.generated);
			}
			return read(this.generated, GENERATED_PASSWORD.toCharArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot load the organisation's signing key", ex);
		}
	}

	private static Credentials read(Path path, char[] password) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(path)) {
			store.load(in, password);
		}
		String alias = store.aliases().nextElement();
		return new Credentials((PrivateKey) store.getKey(alias, password), (X509Certificate) store.getCertificate(alias));
	}

	private void generate(Path path) throws IOException, GeneralSecurityException, OperatorCreationException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(3072, new SecureRandom());
		KeyPair pair = generator.generateKeyPair();
		X500Name name = new X500Name("CN=" + this.organisation.replace(",", " ") + " organisation seal, O="
				+ this.organisation.replace(",", " "));
		Instant now = Instant.now(this.clock);
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
				pair.getPublic());
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("organisation", pair.getPrivate(), GENERATED_PASSWORD.toCharArray(),
				new Certificate[] { certificate });
		Files.createDirectories(path.getParent());
		try (OutputStream out = Files.newOutputStream(path)) {
			store.store(out, GENERATED_PASSWORD.toCharArray());
		}
		log.warn("No signing keystore configured (paragraf.signing.keystore): generated a self-signed organisation "
				+ "certificate in {} for sealing minutes; configure a real one for production", path.toAbsolutePath());
	}

	private record Credentials(PrivateKey key, X509Certificate certificate) {
	}

}
