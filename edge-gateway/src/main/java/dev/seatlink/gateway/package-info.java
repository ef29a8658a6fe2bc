/** The floor gateway: wiring of broker link, floor model and web server; entry point. */
package dev.seatlink.gateway;
