package io.tenantconfig.client.whatsapp;

/**
 * What Meta said about a failed call ({@code {"error":{...}}}), or what we know when it said nothing usable.
 *
 * @param httpStatus the HTTP status, 0 when no answer arrived (timeout, connection refused)
 * @param code Meta's error code, null when the body had none
 * @param subcode Meta's {@code error_subcode}, null when absent
 * @param details {@code error_data.details}, null when absent
 */
public record GraphError(int httpStatus, Integer code, Integer subcode, String type, String fbtraceId,
        String message, String details) {

    static GraphError noAnswer(String message) {
        return new GraphError(0, null, null, null, null, message, null);
    }
}
