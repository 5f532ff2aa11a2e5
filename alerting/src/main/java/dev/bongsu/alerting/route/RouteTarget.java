package dev.bongsu.alerting.route;

import java.time.Duration;

/**
 * A receiver chosen by a route, with that route's timing.
 *
 * @param receiver       the receiver's name
 * @param groupWait      delay before the first notification
 * @param groupInterval  least time between notifications
 * @param repeatInterval reminder period while open
 * @param keepAlive      whether the receiver forgets an open incident unless it hears of it again (Alertmanager):
 *                       once told, it gets every update and reminder even when muted meanwhile
 */
public record RouteTarget(String receiver, Duration groupWait, Duration groupInterval, Duration repeatInterval, boolean keepAlive) {
}
