/**
 * The demo board (profile {@code demo}): the joint board GSN of Ludvika and Smedjebacken, its
 * people, the meeting of 5 December 2023 with its six items, and the 2024 schedule.
 */
@org.jspecify.annotations.NullMarked
package se.paragraf.demo;
