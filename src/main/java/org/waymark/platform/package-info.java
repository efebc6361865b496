/**
 * Shared kernel: the database (embedded or external), time in Europe/London, the signed-in actor,
 * and the API error conventions every module uses.
 */
package org.waymark.platform;
