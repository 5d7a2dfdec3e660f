package vn.loaxa.web;

/** The one error body of the API: a stable code for scripts and a message for people. */
public record ApiError(String error, String message) {
}
