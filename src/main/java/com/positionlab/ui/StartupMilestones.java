package com.positionlab.ui;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once each, how long after the JVM started the workstation reached a milestone (the window shown, the
 * portfolio on screen), at INFO on the {@code com.positionlab.startup} logger; {@code bench/startup/run.sh}
 * reads these lines.
 */
public final class StartupMilestones {

    private static final Logger LOG = LoggerFactory.getLogger("com.positionlab.startup");
    private static final Set<String> REACHED = ConcurrentHashMap.newKeySet();

    private StartupMilestones() {
    }

    /** Records {@code milestone} the first time it is reached. */
    public static void reached(String milestone) {
        if (REACHED.add(milestone)) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("startup: {} after {} ms", milestone, ms);
        }
    }
}
