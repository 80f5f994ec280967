package io.flare.infra.provisioning;

/**
 * The Pinot controller could not be reached or did not answer in time.
 */
public class PinotControllerUnavailableException extends ProvisioningException {

	public PinotControllerUnavailableException(String message, Throwable cause) {
		super(message, true, cause);
	}

}
