package io.flare.infra.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one provisioning run did, object by object, in the order it did it.
 *
 * @param outcomes one entry per topic, schema and table (and per warning)
 */
public record ProvisioningReport(List<Outcome> outcomes) {

	public ProvisioningReport {
		outcomes = List.copyOf(outcomes);
	}

	/**
	 * The outcome for one object, if the run touched it.
	 * @param kind {@link Outcome#TOPIC}, {@link Outcome#SCHEMA} or {@link Outcome#TABLE}
	 * @param name its name
	 * @return the first outcome for it
	 */
	public Optional<Outcome> find(String kind, String name) {
		return this.outcomes.stream().filter((o) -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
	}

	/**
	 * Whether the run changed nothing and found nothing to warn about.
	 * @return true when every outcome is {@link Outcome.Action#UNCHANGED}
	 */
	public boolean isUnchanged() {
		return this.outcomes.stream().allMatch((o) -> o.action() == Outcome.Action.UNCHANGED);
	}

	/**
	 * The warnings of the run.
	 * @return outcomes whose action is {@link Outcome.Action#WARNING}
	 */
	public List<Outcome> warnings() {
		return this.outcomes.stream().filter((o) -> o.action() == Outcome.Action.WARNING).toList();
	}

	@Override
	public String toString() {
		return this.outcomes.stream().map(Outcome::toString).collect(Collectors.joining(System.lineSeparator()));
	}

}
