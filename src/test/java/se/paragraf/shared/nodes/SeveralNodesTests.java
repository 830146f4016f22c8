package se.paragraf.shared.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

import se.paragraf.ParagrafApplication;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.files.FileRef;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.files.S3Server;

/**
 * Two Paragraf nodes on one database, as behind a load balancer: sessions in the database
 * ({@code paragraf.sessions.store=jdbc}), files in one S3 bucket, scheduled jobs locked with
 * ShedLock. A user signed in on one node goes on working on the other, a file one node stored the
 * other reads, a job both nodes' schedulers fire runs once, and a notice published through one node
 * shows on the other within the document cache's time to live (at once where the cache is off).
 */
class SeveralNodesTests {

	@TempDir
	static Path temp;

	static S3Server s3;

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static Instant bothRunning;

	static final Duration NEWEST_TTL = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void startTwoNodes() throws IOException {
		s3 = S3Server.start(Files.createDirectories(temp.resolve("s3")));
		String bucket = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
		// Node A keeps published documents in memory ("the newest version" at most NEWEST_TTL); node B
		// has that cache switched off, as behind a CDN.
		nodeA = start("a", bucket, "--paragraf.web.frozen-newest-ttl=" + NEWEST_TTL.toSeconds() + "s");
		nodeB = start("b", bucket, "--paragraf.web.frozen.enabled=false");
		bothRunning = Instant.now();
	}

	private static ConfigurableApplicationContext start(String node, String bucket, String cache) {
		List<String> args = new ArrayList<>(List.of(cache, "--server.port=0", "--paragraf.sessions.store=jdbc",
				"--paragraf.files.directory=" + temp.resolve("files-" + node), "--paragraf.test.node=" + node,
				"--spring.main.banner-mode=off"));
		s3.properties(bucket).forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(ParagrafApplication.class, TwoSecondJob.class)
			.run(args.toArray(String[]::new));
	}

	@AfterAll
	static void stopTwoNodes() throws Exception {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
		if (s3 != null) {
			s3.close();
		}
	}

	@Test
	void aUserSignedInOnOneNodeKeepsHerSessionAndHerCsrfTokenOnTheOther() throws Exception {
		HttpResponse<String> loginPage = get(nodeA, "/login", null);
		String cookie = sessionCookie(loginPage, null);
		HttpResponse<String> signedIn = post(nodeA, "/login", cookie, Map.of("username", "admin", "password",
				"test-admin-password", "_csrf", hidden(loginPage.body(), "_csrf")));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		cookie = sessionCookie(signedIn, cookie);

		// The next request lands on the other node: she is still signed in there.
		HttpResponse<String> matters = get(nodeB, "/matters", cookie);
		assertThat(matters.statusCode()).isEqualTo(200);
		assertThat(matters.body()).contains("action=\"/logout\"");
		String token = meta(get(nodeA, "/", cookie).body(), "_csrf");

		// A form posted to the other node with a forged token is refused, with her token accepted; and
		// the node knows her before it checks the size of what she sends (over an anonymous reader's limit).
		assertThat(post(nodeB, "/logout", cookie, Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
		HttpResponse<String> loggedOut = post(nodeB, "/logout", cookie, Map.of("_csrf", token, "note", "x".repeat(100_000)));
		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(loggedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));

		// Signed out on one node is signed out on both.
		HttpResponse<String> after = get(nodeA, "/matters", cookie);
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void aFileOneNodeStoredIsReadByTheOther() {
		byte[] pdf = "%PDF-1.7 kallelse".getBytes(StandardCharsets.UTF_8);
		FileRef stored = FileRef.of(nodeA.getBean(FileStore.class).store(pdf));
		assertThat(nodeB.getBean(FileStore.class).read(stored)).isEqualTo(pdf);
		assertThat(nodeB.getBean(FileStore.class).location()).startsWith("s3://nodes-");
	}

	@Test
	void aNoticePublishedOnOneNodeShowsOnTheOtherWithinTheNewestVersionTtlAndAtOnceWithoutTheCache()
			throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(nodeA.getBean(Organisation.class));
		MeetingPlanning planning = nodeA.getBean(MeetingPlanning.class);
		MatterRegister register = nodeA.getBean(MatterRegister.class);
		Meeting meeting = planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2027, 3, 2, 13, 0),
				LocalDateTime.of(2027, 3, 2, 15, 0), "Sammanträdesrummet Balder", null);
		Long id = meeting.getId();
		planning.addMatter(id, planning.meeting(id).getVersion(), register.register(board.code(), "Gemensam växel").getId());
		nodeA.getBean(NoticePublication.class).publish(id, planning.meeting(id).getVersion());
		String path = "/public/meetings/" + id + "/notice";
		assertThat(get(nodeA, path, null).body()).contains("Gemensam växel").doesNotContain("Taxa för bygglov");
		Instant keptOnA = Instant.now();
		assertThat(get(nodeB, path, null).body()).contains("Gemensam växel");

		// A new version published through node B: B shows it at once, A within the time to live.
		planning.addMatter(id, planning.meeting(id).getVersion(), register.register(board.code(), "Taxa för bygglov").getId());
		nodeB.getBean(NoticePublication.class).publish(id, planning.meeting(id).getVersion());
		assertThat(get(nodeB, path, null).body()).contains("Taxa för bygglov");
		String onA = get(nodeA, path, null).body();
		if (Duration.between(keptOnA, Instant.now()).compareTo(NEWEST_TTL) < 0) {
			assertThat(onA).as("node A's copy, within its time to live").doesNotContain("Taxa för bygglov");
		}
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), keptOnA.plus(NEWEST_TTL)).toMillis()) + 500);
		assertThat(get(nodeA, path, null).body()).contains("Taxa för bygglov");
	}

	@Test
	void aJobBothNodesSchedulersFireRunsOnceEachTime() throws InterruptedException {
		Thread.sleep(7_000);
		Map<Long, List<String>> byFiring = new LinkedHashMap<>();
		for (TwoSecondJob.Run run : TwoSecondJob.RUNS) {
			if (run.at().isAfter(bothRunning.plusSeconds(1))) {
				byFiring.computeIfAbsent(run.at().getEpochSecond() / 2, k -> new ArrayList<>()).add(run.node());
			}
		}
		assertThat(byFiring).hasSizeGreaterThanOrEqualTo(2);
		assertThat(byFiring.values()).allSatisfy(nodes -> assertThat(nodes).hasSize(1));
		assertThat(TwoSecondJob.FIRED.keySet()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void everyScheduledJobOfParagrafTakesALockFirst() {
		List<String> unlocked = new ArrayList<>();
		for (String name : nodeA.getBeanDefinitionNames()) {
			Object bean = nodeA.getBean(name);
			Class<?> type = AopUtils.getTargetClass(bean);
			if (!type.getName().startsWith("se.paragraf.") || type == TwoSecondJob.class) {
				continue;
			}
			ReflectionUtils.doWithMethods(type, method -> {
				if (method.isAnnotationPresent(Scheduled.class) && !method.isAnnotationPresent(SchedulerLock.class)) {
					unlocked.add(type.getSimpleName() + "." + method.getName());
				}
			});
		}
		assertThat(unlocked).isEmpty();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).timeout(Duration.ofSeconds(30)).GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String cookie,
			Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return this.http.send(HttpRequest.newBuilder(uri(node, path))
			.timeout(Duration.ofSeconds(30))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext node, String path) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String sessionCookie(HttpResponse<String> response, String previous) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.reduce((first, second) -> second)
			.orElseGet(() -> {
				assertThat(previous).as("a session cookie").isNotNull();
				return previous;
			});
	}

	private static String hidden(String html, String name) {
		return find(html, "<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]+)\"");
	}

	private static String meta(String html, String name) {
		return find(html, "<meta name=\"" + name + "\" content=\"([^\"]+)\"");
	}

	private static String find(String html, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(html);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

	/**
	 * A job each node's scheduler fires every two seconds, on the second as cron does everywhere,
	 * recording which node ran it. Registered by hand on the two nodes only (not a component).
	 */
	static class TwoSecondJob {

		record Run(String node, Instant at) {
		}

		static final List<Run> RUNS = new CopyOnWriteArrayList<>();

		/** The nodes whose scheduler fires at all: the same timer, without a lock. */
		static final Map<String, Boolean> FIRED = new ConcurrentHashMap<>();

		private final String node;

		TwoSecondJob(Environment environment) {
			this.node = environment.getProperty("paragraf.test.node", "?");
		}

		@Scheduled(cron = "*/2 * * * * *")
		@SchedulerLock(name = "test.two-second-job", lockAtLeastFor = "PT1S")
		public void run() {
			RUNS.add(new Run(this.node, Instant.now()));
		}

		@Scheduled(cron = "*/2 * * * * *")
		public void fired() {
			FIRED.put(this.node, true);
		}

	}

}
