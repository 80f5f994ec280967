package io.flare.query.sql;

/**
 * A statement was refused before it reached Pinot, or its result was too large.
 * {@link #reason()} is a stable code clients can test; the message explains it.
 */
public class SqlRejectedException extends RuntimeException {

	private final Reason reason;

	public SqlRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a statement was refused. */
	public enum Reason {

		/** Empty or too long. */
		INVALID,

		/** Not parseable. */
		SYNTAX,

		/** More than one statement. */
		MULTIPLE_STATEMENTS,

		/** Comments, which can hide what a statement does. */
		COMMENT,

		/** Not a SELECT (DDL, DML, SET, ...). */
		NOT_SELECT,

		/**
		 * A table other than the allowed ones, a join, a sub-query or a set operation.
		 */
		TABLE_NOT_ALLOWED,

		/** LIMIT or OFFSET beyond the maximum. */
		LIMIT_TOO_LARGE,

		/** The result is larger than allowed. */
		RESULT_TOO_LARGE

	}

}
