package vn.loaxa.broadcast;

/** TEMPORARY stand-in for main's broadcast module (same API); deleted when main's lands. */
public enum Outcome { PLAYED, PARTIAL, INTERRUPTED, MISSED, FAILED }
