/**
 * The web shell: GOV.UK page layout, sign-in page, home page (the tasks each module offers the user),
 * error pages, and static GOV.UK Frontend assets.
 */
package org.waymark.web;
