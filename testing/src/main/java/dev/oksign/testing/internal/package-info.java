/**
 * Form and JSON helpers and loopback sockets behind {@code dev.oksign.testing}. Not API: anything
 * in it may change in any release.
 */
package dev.oksign.testing.internal;
