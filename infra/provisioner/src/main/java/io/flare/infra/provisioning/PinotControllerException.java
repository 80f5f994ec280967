package io.flare.infra.provisioning;

/**
 * The Pinot controller answered a request with an HTTP error; the message carries Pinot's
 * own explanation.
 */
public class PinotControllerException extends ProvisioningException {

	private final int status;

	public PinotControllerException(String request, int status, String pinotMessage) {
		super("Pinot controller rejected " + request + " with HTTP " + status + ": " + pinotMessage,
				isRetriable(status), null);
		this.status = status;
	}

	/**
	 * The HTTP status the controller answered.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	private static boolean isRetriable(int status) {
		return status == 502 || status == 503 || status == 504;
	}

}
