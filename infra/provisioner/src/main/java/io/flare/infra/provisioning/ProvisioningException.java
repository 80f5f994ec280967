package io.flare.infra.provisioning;

import org.jspecify.annotations.Nullable;

/**
 * Provisioning failed; the message says what and where, {@link #isRetriable()} whether
 * trying again may help.
 */
public class ProvisioningException extends RuntimeException {

	private final boolean retriable;

	public ProvisioningException(String message, boolean retriable, @Nullable Throwable cause) {
		super(message, cause);
		this.retriable = retriable;
	}

	/**
	 * Whether the same run may succeed later (a peer still starting, a timeout), as
	 * opposed to a defect in the files or a rejection by the cluster.
	 * @return true when a retry may succeed
	 */
	public boolean isRetriable() {
		return this.retriable;
	}

}
