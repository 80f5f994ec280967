package io.flare.query.registry;

import org.jspecify.annotations.Nullable;

/**
 * The metric existed and was deleted (or renamed): says when, by whom, and which metric
 * replaces it, so a dashboard still asking for it learns what happened.
 */
public class MetricDeletedException extends MetricNotFoundException {

	private final StoredDefinition deletion;

	public MetricDeletedException(StoredDefinition deletion) {
		super(deletion.name(), message(deletion));
		this.deletion = deletion;
	}

	/** The metric that replaces the deleted one, if the deletion was a rename. */
	public @Nullable String replacedBy() {
		return this.deletion.replacedBy();
	}

	private static String message(StoredDefinition deletion) {
		String replaced = (deletion.replacedBy() != null) ? "; use '" + deletion.replacedBy() + "' instead" : "";
		return "Metric '" + deletion.name() + "' was deleted by " + deletion.author() + " at " + deletion.createdAt()
				+ " (version " + deletion.version() + ")" + replaced;
	}

}
