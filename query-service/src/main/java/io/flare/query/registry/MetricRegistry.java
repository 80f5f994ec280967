package io.flare.query.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flare.query.definition.MetricDefinition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The metric registry: versioned definitions in PostgreSQL, served from an in-memory
 * snapshot that every instance refreshes when the registry's change counter moves
 * (checked every {@code flare.registry.poll-interval}), so a change made on any instance
 * is live on all of them within about a second, with no restart.
 */
@Service
public class MetricRegistry implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);

	private final RegistryRepository repository;

	private final DefinitionAdmission admission;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(-1, Map.of(), Map.of()));

	/** As many threads as the connection pool has connections; more would only queue. */
	private final Scheduler jdbcScheduler = Schedulers.newBoundedElastic(5, 10_000, "registry-jdbc", 60, true);

	MetricRegistry(RegistryRepository repository, DefinitionAdmission admission) {
		this.repository = repository;
		this.admission = admission;
	}

	@Override
	public void destroy() {
		this.jdbcScheduler.dispose();
	}

	/** The live definition of {@code name}, from the snapshot. */
	public Optional<StoredDefinition> get(String name) {
		return Optional.ofNullable(this.snapshot.get().live().get(name));
	}

	/** Every live definition, by name. */
	public List<StoredDefinition> list() {
		return this.snapshot.get()
			.live()
			.values()
			.stream()
			.sorted(Comparator.comparing(StoredDefinition::name))
			.toList();
	}

	/** Every version of {@code name}, oldest first (deletions included). */
	public Mono<List<StoredDefinition>> history(String name) {
		return blocking(() -> this.repository.history(name));
	}

	/** One version of {@code name}. */
	public Mono<StoredDefinition> version(String name, int version) {
		return blocking(() -> this.repository.version(name, version)).flatMap((found) -> Mono.justOrEmpty(found))
			.switchIfEmpty(Mono.error(() -> new MetricNotFoundException(name + "' version '" + version)));
	}

	/**
	 * Admits (validation and dry run) and stores {@code definition} as a new version.
	 * @return the stored version and whether it is new (false: same as the latest)
	 */
	public Mono<Change> put(MetricDefinition definition, String author) {
		return this.admission.admit(definition).then(blocking(() -> {
			int before = get(definition.name()).map(StoredDefinition::version).orElse(0);
			StoredDefinition stored = this.repository.append(definition.name(), definition, author, "api")
				.orElseThrow();
			refresh();
			return new Change(stored, stored.version() > before, before == 0);
		}));
	}

	/** Stores a deletion of {@code name} as a new version. */
	public Mono<StoredDefinition> delete(String name, String author) {
		return delete(name, author, null);
	}

	/**
	 * Stores a deletion of {@code name} as a new version; with {@code replacedBy} (a live
	 * metric) the deletion is a rename: callers of the old name are told the new one.
	 */
	public Mono<StoredDefinition> delete(String name, String author, @Nullable String replacedBy) {
		return blocking(() -> {
			if (get(name).isEmpty() || (replacedBy != null && get(replacedBy).isEmpty())) {
				refresh();
			}
			if (get(name).isEmpty()) {
				throw missing(name);
			}
			if (replacedBy != null && (replacedBy.equals(name) || get(replacedBy).isEmpty())) {
				throw new IllegalArgumentException("replacedBy must name another live metric; '" + replacedBy + "' is "
						+ (replacedBy.equals(name) ? "the metric itself" : "not one"));
			}
			StoredDefinition stored = this.repository.append(name, null, author, "api", replacedBy).orElseThrow();
			refresh();
			return stored;
		});
	}

	/**
	 * Stores a definition read from a file unless the file did not change since it was
	 * last stored.
	 */
	boolean loadFromFile(MetricDefinition definition, String origin) {
		Optional<String> last = this.repository.lastHashFrom(definition.name(), origin);
		if (last.isPresent() && last.get().equals(io.flare.query.definition.DefinitionCodec.hash(definition))) {
			return false;
		}
		this.repository.append(definition.name(), definition, "file", origin);
		return true;
	}

	/** Reloads the snapshot when the registry changed; runs every poll interval. */
	@Scheduled(fixedDelayString = "${flare.registry.poll-interval:1s}", initialDelay = 0)
	public synchronized void refresh() {
		try {
			long marker = this.repository.changeMarker();
			if (marker == this.snapshot.get().marker()) {
				return;
			}
			Map<Boolean, Map<String, StoredDefinition>> latest = this.repository.latestAll()
				.stream()
				.collect(Collectors.partitioningBy(StoredDefinition::deleted,
						Collectors.toMap(StoredDefinition::name, Function.identity())));
			Map<String, StoredDefinition> live = latest.get(false);
			this.snapshot.set(new Snapshot(marker, live, latest.get(true)));
			LOG.debug("Registry at change {}: {} metrics", marker, live.size());
		}
		catch (RuntimeException ex) {
			LOG.warn("Cannot refresh the metric registry (serving the last snapshot): {}", ex.toString());
		}
	}

	/**
	 * JDBC work on threads of the registry's own, so that nothing else blocking in the
	 * service can make the registry wait for a thread.
	 */
	private <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(this.jdbcScheduler);
	}

	/**
	 * The result of a put.
	 *
	 * @param stored the version now live
	 * @param changed whether a new version was written
	 * @param created whether the metric did not exist before
	 */
	public record Change(StoredDefinition stored, boolean changed, boolean created) {

	}

	/**
	 * Why {@code name} has no live definition: a {@link MetricDeletedException} when its
	 * last version is a deletion (or rename), else a {@link MetricNotFoundException}.
	 */
	public MetricNotFoundException missing(String name) {
		StoredDefinition deletion = this.snapshot.get().deleted().get(name);
		return (deletion != null) ? new MetricDeletedException(deletion) : new MetricNotFoundException(name);
	}

	private record Snapshot(long marker, Map<String, StoredDefinition> live, Map<String, StoredDefinition> deleted) {

	}

}
