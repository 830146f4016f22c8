package se.paragraf.operations.verify;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the PAdES signatures of a sealed PDF as a reader's validator would, short of trusting the
 * certificate: the last signature covers the whole file but its own contents, and every signature's
 * CMS verifies over the bytes it covers with the certificate it carries (the digest of those bytes
 * and the signature value both). Trust in the certificate (the organisation's own, or an e-ID
 * provider's chain) is for the reader's validator to decide; this proves the bytes are the ones
 * signed.
 */
final class PadesSignatures {

	private PadesSignatures() {
	}

	/** What is wrong with the file's signatures; empty when every one validates. */
	static List<String> problems(byte[] pdf) {
		List<String> problems = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				problems.add("carries no signature");
				return problems;
			}
			for (int i = 0; i < signatures.size(); i++) {
				PDSignature signature = signatures.get(i);
				int[] range = signature.getByteRange();
				if (range == null || range.length != 4 || range[0] != 0) {
					problems.add("signature " + (i + 1) + " has no valid byte range");
					continue;
				}
				if (i == signatures.size() - 1 && (long) range[2] + range[3] != pdf.length) {
					problems.add("the last signature does not cover the whole file (bytes were added after sealing)");
				}
				if (!verifies(signature.getContents(pdf), signature.getSignedContent(pdf))) {
					problems.add("signature " + (i + 1) + " does not validate");
				}
			}
		}
		catch (IOException ex) {
			problems.add("is not a readable PDF (" + ex.getMessage() + ")");
		}
		return problems;
	}

	private static boolean verifies(byte[] contents, byte[] signedContent) {
		// The contents are zero-padded to their reserved size; read the one DER object they hold.
		try (ASN1InputStream in = new ASN1InputStream(contents)) {
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
					ContentInfo.getInstance(in.readObject()));
			for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
				@SuppressWarnings("unchecked")
				var matches = cms.getCertificates().getMatches(signer.getSID());
				if (matches.isEmpty()) {
					return false;
				}
				X509CertificateHolder certificate = (X509CertificateHolder) matches.iterator().next();
				if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
					return false;
				}
			}
			return !cms.getSignerInfos().getSigners().isEmpty();
		}
		catch (IOException | CMSException | OperatorCreationException | CertificateException | RuntimeException ex) {
			return false;
		}
	}

}
