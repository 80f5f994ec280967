package io.flare.query.pinot;

import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.flare.query.pinot.QueryExecutionException.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages as the Pinot 0.11 broker writes them.
 */
class ErrorClassifierTests {

	@Test
	void shouldTreatTimeoutsAsRetriable() {
		assertThat(ErrorClassifier.ofPinotMessage(
				"BrokerTimeoutError:\nQuery timed out (time spent: 7ms, timeout: 1ms) for table: events_REALTIME"))
			.isEqualTo(Kind.TIMEOUT);
		assertThat(ErrorClassifier.ofPinotMessage("1 servers [127.0.0.1_R] not responded")).isEqualTo(Kind.TIMEOUT);
		assertThat(ErrorClassifier.ofThrowable(new RuntimeException(new TimeoutException()))).isEqualTo(Kind.TIMEOUT);
		assertThat(new QueryExecutionException(Kind.TIMEOUT, "slow").retriable()).isTrue();
		assertThat(new QueryExecutionException(Kind.REJECTED, "bad").retriable()).isFalse();
	}

	@Test
	void shouldTreatUnreachableBrokersAsRetriable() {
		assertThat(ErrorClassifier
			.ofThrowable(new RuntimeException(new ExecutionException(new ConnectException("Connection refused")))))
			.isEqualTo(Kind.UNAVAILABLE);
	}

	@Test
	void shouldTreatRejectedQueriesAsFatal() {
		assertThat(ErrorClassifier.ofPinotMessage("UnknownColumnError:\norg.apache.pinot.spi.exception."
				+ "BadQueryRequestException: Unknown columnName 'nosuch' found in the query"))
			.isEqualTo(Kind.REJECTED);
		assertThat(ErrorClassifier.ofPinotMessage("QueryExecutionError:\norg.apache.pinot.spi.exception."
				+ "BadQueryRequestException: Unsupported function: foobar not found"))
			.isEqualTo(Kind.REJECTED);
	}

	@Test
	void shouldKeepTheFirstLineOfAMessage() {
		assertThat(ErrorClassifier.firstLines("UnknownColumnError:\nUnknown columnName 'x'\n\tat org.apache..."))
			.isEqualTo("UnknownColumnError: Unknown columnName 'x'");
	}

}
