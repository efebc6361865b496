/**
 * Cases and need-to-know. A case groups what is known around one victim: the people and their roles,
 * the incidents, the agencies involved and why, the lead agency, the allocated workers, and every
 * decision to share or not to share. It is also the unit of access: beyond its own agency's records a
 * user sees a person or incident only through a case their agency is involved in, an allocation, or a
 * time-limited, audited break-glass grant that tells the case's owners.
 */
package org.waymark.cases;
