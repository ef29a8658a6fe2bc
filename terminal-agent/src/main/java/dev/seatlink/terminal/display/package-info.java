/** The seat display: what it shows (pure layout) and the drivers that show it (I2C LCD, OLED, console). */
package dev.seatlink.terminal.display;
