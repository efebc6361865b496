/**
 * Shared kernel: the database (embedded or external), time in Europe/London, the signed-in actor,
 * the API error conventions every module uses, and the sealing of restricted values at rest.
 */
package org.waymark.platform;
