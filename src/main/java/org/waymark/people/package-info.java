/**
 * People as agencies record them, and finding the same person across agencies despite typos,
 * nicknames, changed surnames and swapped dates ("consult existing records"): the matching engine
 * ({@code people.matching}, plain Java), its blocking keys stored in PostgreSQL for online matching,
 * and the batch {@code link} command.
 */
package org.waymark.people;
