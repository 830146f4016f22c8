package se.paragraf.proceedings.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The screens connected to live meetings on this node, and what is pushed to them. Each change is
 * rendered once per language and view (member or chair) and sent as a server-sent event whose id is
 * the room's counter; a screen that reconnects with the last id it saw gets the current state at
 * once if it missed anything. The async emitters hold no request thread while they wait.
 * <p>
 * Fan-out is per node: changes made on this node are pushed at once; a one-second tick reads the
 * counters of the rooms that have screens here and pushes what another node changed.
 */
@Component
class LiveRoom {

	private static final Logger log = LoggerFactory.getLogger(LiveRoom.class);

	static final String TEMPLATE = "meetings/live-state";

	/** Long enough for a meeting; the browser reconnects on its own after it. */
	private static final long TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);

	private static final int HEARTBEAT_TICKS = 20;

	private final LiveStates states;

	private final ITemplateEngine templates;

	private final Map<Long, Room> rooms = new ConcurrentHashMap<>();

	/** One thread renders and sends, so a slow screen never holds up the action that changed the room. */
	private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "live-room-sender"));

	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(r -> daemon(r, "live-room-tick"));

	private final AtomicLong ticks = new AtomicLong();

	LiveRoom(LiveStates states, ITemplateEngine templates) {
		this.states = states;
		this.templates = templates;
		this.ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
	}

	/** Connects a screen; it gets the current state at once unless it already has it. */
	SseEmitter connect(Long meetingId, Locale locale, boolean chairing, @Nullable Long lastEventId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		Client client = new Client(emitter, locale, chairing);
		Room room = this.rooms.computeIfAbsent(meetingId, id -> new Room());
		room.clients.add(client);
		emitter.onCompletion(() -> leave(meetingId, client));
		emitter.onTimeout(() -> leave(meetingId, client));
		emitter.onError(e -> leave(meetingId, client));
		this.sender.execute(() -> {
			try {
				LiveState state = this.states.state(meetingId);
				if (lastEventId == null || lastEventId != state.sequence()) {
					send(meetingId, client, state.sequence(), render(state, locale, chairing));
				}
				else {
					client.emitter.send(SseEmitter.event().comment("up to date"));
				}
			}
			catch (IOException | RuntimeException ex) {
				drop(meetingId, client);
			}
		});
		return emitter;
	}

	/** How many screens are connected to a meeting on this node. */
	int connected(Long meetingId) {
		Room room = this.rooms.get(meetingId);
		return room == null ? 0 : room.clients.size();
	}

	@EventListener
	void on(LiveMeeting.LiveRoomChanged event) {
		push(event.meetingId());
	}

	private void push(Long meetingId) {
		Room room = this.rooms.get(meetingId);
		if (room == null || room.clients.isEmpty()) {
			return;
		}
		this.sender.execute(() -> broadcast(meetingId, room));
	}

	private void broadcast(Long meetingId, Room room) {
		try {
			LiveState state = this.states.state(meetingId);
			if (state.sequence() <= room.sent) {
				return;
			}
			room.sent = state.sequence();
			Map<String, String> rendered = new HashMap<>();
			for (Client client : room.clients) {
				String html = rendered.computeIfAbsent(client.locale.getLanguage() + client.chairing,
						k -> render(state, client.locale, client.chairing));
				send(meetingId, client, state.sequence(), html);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not push the live state of meeting {}", meetingId, ex);
		}
	}

	private void send(Long meetingId, Client client, long sequence, String html) {
		SseEmitter.SseEventBuilder event = SseEmitter.event().id(Long.toString(sequence)).name("state");
		// One data line per line of markup: the browser joins them with newlines again.
		for (String line : html.split("\r?\n")) {
			event.data(line);
		}
		try {
			client.emitter.send(event);
		}
		catch (IOException | IllegalStateException gone) {
			drop(meetingId, client);
		}
	}

	String render(LiveState state, Locale locale, boolean chairing) {
		Context context = new Context(locale);
		context.setVariable("state", state);
		context.setVariable("chairing", chairing);
		return this.templates.process(TEMPLATE, Set.of("state"), context);
	}

	/** Pushes what another node changed, and keeps idle connections (and the proxies between) alive. */
	private void tick() {
		try {
			List<Long> watched = new ArrayList<>();
			this.rooms.forEach((id, room) -> {
				if (!room.clients.isEmpty()) {
					watched.add(id);
				}
			});
			if (watched.isEmpty()) {
				return;
			}
			this.states.sequences(Set.copyOf(watched)).forEach((id, sequence) -> {
				Room room = this.rooms.get(id);
				if (room != null && sequence > room.sent) {
					this.sender.execute(() -> broadcast(id, room));
				}
			});
			if (this.ticks.incrementAndGet() % HEARTBEAT_TICKS == 0) {
				this.sender.execute(() -> this.rooms.forEach((id, room) -> room.clients.forEach(client -> {
					try {
						client.emitter.send(SseEmitter.event().comment("heartbeat"));
					}
					catch (IOException | IllegalStateException gone) {
						drop(id, client);
					}
				})));
			}
		}
		catch (RuntimeException ex) {
			log.debug("Live room tick failed", ex);
		}
	}

	private void drop(Long meetingId, Client client) {
		leave(meetingId, client);
		try {
			client.emitter.complete();
		}
		catch (RuntimeException ignored) {
			// already gone
		}
	}

	private void leave(Long meetingId, Client client) {
		Room room = this.rooms.get(meetingId);
		if (room != null) {
			room.clients.remove(client);
		}
	}

	@PreDestroy
	void stop() {
		this.ticker.shutdownNow();
		this.sender.shutdownNow();
		this.rooms.values().forEach(room -> room.clients.forEach(c -> c.emitter.complete()));
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	private static final class Room {

		final List<Client> clients = new CopyOnWriteArrayList<>();

		/** The counter last pushed to every screen. */
		volatile long sent = -1;

	}

	private record Client(SseEmitter emitter, Locale locale, boolean chairing) {
	}

}
