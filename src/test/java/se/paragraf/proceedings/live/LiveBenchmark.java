package se.paragraf.proceedings.live;

import se.paragraf.shared.Sweden;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.paragraf.ParagrafApplication;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingFixtures;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.people.Person;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Issue 15 benchmark: many members connected to one live meeting. {@code seed} fills a database with a
 * board of MEMBERS members and a meeting held today; {@code run} drives a separately started server:
 * every member signs in and checks in, MEMBERS screens listen to the event stream, POLLERS screens fetch
 * the state once a second, and the chair takes up items, opens votes, members vote and the chair
 * closes them. For each action it measures the time from sending it to each screen having the state
 * it caused, and the server's resident memory and threads before and after the screens connect. Not a
 * test: bench/live.sh runs it.
 */
public final class LiveBenchmark {

	static final String PASSWORD = "live bench password";

	private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		if (args[0].equals("seed")) {
			seed(Path.of(args[1]), Integer.parseInt(args[2]));
		}
		else {
			run(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]), Integer.parseInt(args[6]));
		}
	}

	/** Writes the meeting id and the usernames (chair first) to the file. */
	static void seed(Path out, int members) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ParagrafApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN")
			.run()) {
			Organisation organisation = context.getBean(Organisation.class);
			MatterRegister register = context.getBean(MatterRegister.class);
			MeetingPlanning planning = context.getBean(MeetingPlanning.class);
			Meetings meetings = context.getBean(Meetings.class);
			AccountService accounts = context.getBean(AccountService.class);
			BoardWithPeople board = PeopleFixtures.jointBoard(organisation);
			List<String> lines = new ArrayList<>();
			String suffix = board.code().toLowerCase(Locale.ROOT);
			accounts.create("chair-" + suffix, PASSWORD, java.util.EnumSet.of(Role.MEMBER), board.chair().getId());
			for (int i = 0; i < members; i++) {
				Person person = organisation.addPerson("Ledamot" + i, board.code(), null, null);
				organisation.addMembership(person.getId(), board.board().getId(), MembershipRole.MEMBER,
						LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31));
				accounts.create("m" + i + "-" + suffix, PASSWORD, java.util.EnumSet.of(Role.MEMBER), person.getId());
			}
			LocalDateTime start = LocalDateTime.now(Sweden.ZONE).withSecond(0).withNano(0);
			Meeting meeting = planning.schedule(board.code(), MeetingKind.ORDINARY, start, start.plusHours(3), null,
					"Digitalt");
			for (int m = 1; m <= 3; m++) {
				Matter matter = register.register(board.code(), "Ärende " + m);
				planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), matter.getId());
			}
			Meeting published = planning.meeting(meeting.getId());
			MeetingFixtures.noticePublished(published);
			meetings.saveAndFlush(published);
			lines.add(Long.toString(meeting.getId()));
			lines.add("chair-" + suffix);
			for (int i = 0; i < members; i++) {
				lines.add("m" + i + "-" + suffix);
			}
			Files.write(out, lines);
		}
	}

	static void run(String base, long serverPid, long meetingIdIgnored, int members, int pollers, int rounds)
			throws Exception {
		List<String> seeded = Files.readAllLines(Path.of(System.getProperty("seedFile")));
		long meetingId = Long.parseLong(seeded.get(0));
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		String live = base + "/meetings/" + meetingId + "/live";
		Session chair = Session.signIn(http, base, seeded.get(1), live);
		List<Session> memberSessions = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			Session session = Session.signIn(http, base, seeded.get(2 + i), live);
			memberSessions.add(session);
			session.post(live + "/check-in", "");
		}
		System.out.printf("signed in and checked in: %d members%n", members);
		chair.post(live + "/item", "");
		Thread.sleep(2000);
		String before = status(serverPid);
		List<Listener> listeners = new ArrayList<>();
		for (Session session : memberSessions) {
			listeners.add(Listener.connect(http, live + "/events", session));
		}
		awaitAll(listeners, chairSequence(chair, live));
		Thread.sleep(3000);
		String after = status(serverPid);
		System.out.printf("server before screens: %s%nserver with %d screens: %s%n", before, members, after);
		long rssBefore = field(before, "VmRSS"), rssAfter = field(after, "VmRSS");
		System.out.printf(Locale.ROOT, "RESULT rss_growth_kb_per_screen=%.1f threads_before=%d threads_after=%d%n",
				(rssAfter - rssBefore) / (double) members, field(before, "Threads"), field(after, "Threads"));

		List<Poller> polls = new ArrayList<>();
		ScheduledExecutorService pollTimer = Executors.newScheduledThreadPool(2);
		for (int i = 0; i < pollers; i++) {
			Poller poller = new Poller(http, live + "/state", memberSessions.get(i % members));
			polls.add(poller);
			pollTimer.scheduleAtFixedRate(poller::poll, ThreadLocalRandom.current().nextInt(1000), 1000,
					TimeUnit.MILLISECONDS);
		}
		Thread.sleep(1500);
		Map<String, List<Long>> sse = new ConcurrentHashMap<>();
		Map<String, List<Long>> polled = new ConcurrentHashMap<>();
		List<String> agenda = itemIds(chair, live);
		for (int round = 0; round < rounds; round++) {
			String item = agenda.get(2 + round % 3);
			measure("take up item", () -> chair.post(live + "/item", "itemId=" + item), chair, live, listeners, polls, sse, polled);
			measure("open vote", () -> chair.post(live + "/votes", ""), chair, live, listeners, polls, sse, polled);
			String vote = openVote(chair, live);
			for (int v = 0; v < 5; v++) {
				Session voter = memberSessions.get((round * 5 + v) % members);
				measure("vote cast", () -> voter.post(live + "/votes/" + vote + "/ballots", "choice=YES"), chair, live,
						listeners, polls, sse, polled);
			}
			measure("close vote", () -> chair.post(live + "/votes/" + vote + "/closing", ""), chair, live, listeners, polls,
					sse, polled);
		}
		pollTimer.shutdownNow();
		for (String action : sse.keySet()) {
			report("sse", action, sse.get(action));
			report("poll_1s", action, polled.getOrDefault(action, List.of()));
		}
		List<Long> allSse = sse.values().stream().flatMap(List::stream).toList();
		List<Long> allPoll = polled.values().stream().flatMap(List::stream).toList();
		report("sse", "all", allSse);
		report("poll_1s", "all", allPoll);
		System.exit(0);
	}

	interface Action {

		void run() throws Exception;

	}

	static void measure(String name, Action action, Session chair, String live, List<Listener> listeners,
			List<Poller> polls, Map<String, List<Long>> sse, Map<String, List<Long>> polled) throws Exception {
		long start = System.nanoTime();
		action.run();
		long sequence = chairSequence(chair, live);
		awaitAll(listeners, sequence);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (polls.stream().anyMatch(p -> p.arrival(sequence) == null) && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		List<Long> s = sse.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()));
		for (Listener listener : listeners) {
			s.add((listener.arrival(sequence) - start) / 1_000_000);
		}
		List<Long> p = polled.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()));
		for (Poller poller : polls) {
			Long at = poller.arrival(sequence);
			if (at != null) {
				p.add((at - start) / 1_000_000);
			}
		}
	}

	static void report(String kind, String action, List<Long> millis) {
		if (millis.isEmpty()) {
			return;
		}
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "RESULT %-7s %-13s n=%5d p50_ms=%5d p99_ms=%5d max_ms=%5d%n", kind, action,
				sorted.size(), sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1,
						(int) Math.ceil(sorted.size() * 0.99) - 1)), sorted.get(sorted.size() - 1));
	}

	static void awaitAll(List<Listener> listeners, long sequence) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (listeners.stream().anyMatch(l -> l.arrival(sequence) == null)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("screens missing event " + sequence + ": "
						+ listeners.stream().filter(l -> l.arrival(sequence) == null).count());
			}
			Thread.sleep(1);
		}
	}

	static long chairSequence(Session chair, String live) throws Exception {
		HttpResponse<String> state = chair.get(live + "/state");
		return Long.parseLong(state.headers().firstValue("X-Live-Sequence").orElseThrow());
	}

	static String openVote(Session chair, String live) throws Exception {
		Matcher m = Pattern.compile("/votes/(\\d+)/closing").matcher(chair.get(live + "/state").body());
		if (!m.find()) {
			throw new IllegalStateException("no open vote");
		}
		return m.group(1);
	}

	static List<String> itemIds(Session chair, String live) throws Exception {
		Matcher m = Pattern.compile("/item\\?itemId=(\\d+)").matcher(chair.get(live + "/state").body());
		List<String> ids = new ArrayList<>();
		while (m.find()) {
			ids.add(m.group(1));
		}
		// The current item (the first) has no button; put it first.
		List<String> all = new ArrayList<>();
		all.add("first");
		all.addAll(ids);
		return all;
	}

	static String status(long pid) throws Exception {
		String status = Files.readString(Path.of("/proc/" + pid + "/status"));
		return "VmRSS=" + field(status, "VmRSS") + " kB Threads=" + field(status, "Threads");
	}

	static long field(String status, String name) {
		Matcher m = Pattern.compile(name + "[:=]\\s*(\\d+)").matcher(status);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	/** A signed-in browser: its cookies and the CSRF token of its session. */
	record Session(HttpClient http, String cookie, String csrf) {

		static Session signIn(HttpClient http, String base, String username, String live) throws Exception {
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			String cookie = cookies(login, "");
			Matcher token = FORM_CSRF.matcher(login.body());
			if (!token.find()) {
				throw new IllegalStateException("no CSRF token on the login page");
			}
			String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token.group(1));
			HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			cookie = cookies(signedIn, cookie);
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(live)).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher meta = META_CSRF.matcher(page.body());
			if (page.statusCode() != 200 || !meta.find()) {
				throw new IllegalStateException(username + " could not open the live page: " + page.statusCode());
			}
			return new Session(http, cookies(page, cookie), meta.group(1));
		}

		HttpResponse<String> get(String url) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", this.cookie).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		void post(String url, String form) throws Exception {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Cookie", this.cookie)
				.header("X-CSRF-TOKEN", this.csrf)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
			}
		}

		private static String cookies(HttpResponse<?> response, String previous) {
			Map<String, String> jar = new java.util.LinkedHashMap<>();
			for (String c : previous.split(";\\s*")) {
				if (c.contains("=")) {
					jar.put(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1));
				}
			}
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
			return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
		}

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/** A screen on the event stream: when each event id arrived. No thread of its own. */
	static final class Listener implements Flow.Subscriber<String> {

		private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();

		private volatile long last = -1;

		private long pendingId = -1;

		static Listener connect(HttpClient http, String url, Session session) {
			Listener listener = new Listener();
			http.sendAsync(HttpRequest.newBuilder(URI.create(url))
				.header("Cookie", session.cookie())
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.fromLineSubscriber(listener));
			return listener;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			if (line.startsWith("id:")) {
				this.pendingId = Long.parseLong(line.substring(3).strip());
			}
			else if (line.isEmpty() && this.pendingId >= 0) {
				long now = System.nanoTime();
				this.arrivals.putIfAbsent(this.pendingId, now);
				this.last = Math.max(this.last, this.pendingId);
				this.pendingId = -1;
			}
		}

		/** When the screen first had this state or a later one. */
		Long arrival(long sequence) {
			if (this.last < sequence) {
				return null;
			}
			return this.arrivals.entrySet()
				.stream()
				.filter(e -> e.getKey() >= sequence)
				.map(Map.Entry::getValue)
				.min(Long::compare)
				.orElse(null);
		}

		@Override
		public void onError(Throwable throwable) {
			System.err.println("stream failed: " + throwable);
		}

		@Override
		public void onComplete() {
		}

	}

	/** The baseline: a screen that fetches the whole state once a second. */
	static final class Poller {

		private final HttpClient http;

		private final String url;

		private final Session session;

		private final Map<Long, Long> seen = new ConcurrentHashMap<>();

		Poller(HttpClient http, String url, Session session) {
			this.http = http;
			this.url = url;
			this.session = session;
		}

		void poll() {
			try {
				HttpResponse<String> response = this.session.get(this.url);
				long sequence = Long.parseLong(response.headers().firstValue("X-Live-Sequence").orElse("-1"));
				this.seen.putIfAbsent(sequence, System.nanoTime());
			}
			catch (Exception ex) {
				// the next poll tries again
			}
		}

		Long arrival(long sequence) {
			return this.seen.entrySet()
				.stream()
				.filter(e -> e.getKey() >= sequence)
				.map(Map.Entry::getValue)
				.min(Long::compare)
				.orElse(null);
		}

	}

}
