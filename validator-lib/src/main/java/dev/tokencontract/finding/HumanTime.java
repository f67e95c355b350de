package dev.tokencontract.finding;

import java.time.Duration;

/** Durations as people read them: "3 h 12 min", "45 s", "2 d 4 h". */
public final class HumanTime {
    private HumanTime() {}

    public static String format(Duration duration) {
        long seconds = Math.abs(duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long days = seconds / 86_400;
        long hours = (seconds % 86_400) / 3_600;
        long minutes = (seconds % 3_600) / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes + " min" + (rest > 0 ? " " + rest + " s" : "");
    }
}
