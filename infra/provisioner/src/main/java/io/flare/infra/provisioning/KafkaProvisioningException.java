package io.flare.infra.provisioning;

/**
 * Kafka could not be reached, or refused to describe or create a topic.
 */
public class KafkaProvisioningException extends ProvisioningException {

	public KafkaProvisioningException(String message, boolean retriable, Throwable cause) {
		super(message, retriable, cause);
	}

}
