/** The site's seat map: site, floor, teams, seats with floor-plan positions, reasons; loaded and validated. */
package dev.seatlink.gateway.site;
