package io.flare.ingest.auth;

/** The admin API was called without the configured admin token (401). */
public class AdminTokenException extends RuntimeException {

	public AdminTokenException() {
		super("the admin API needs 'Authorization: Bearer <flare.ingest.auth.admin-token>'");
	}

}
