package vn.loaxa.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error body of the API: a stable code for scripts, a message for people, and for a bad
 * value the field it is in ({@code field}, left out when the error is not about one field).
 */
public record ApiError(String error, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {

	public ApiError(String error, String message) {
		this(error, message, null);
	}
}
