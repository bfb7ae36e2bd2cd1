package org.pchat.interop.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource figures of a process on this Linux host: CPU time from {@code /proc/<pid>/stat} (utime + stime,
 * proc(5)), RSS and peak RSS from {@code /proc/<pid>/status}, and for a JVM the heap in use after a full GC
 * ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}).
 */
final class ServerProbe {
    private static final long TICKS_PER_SECOND = 100;
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final long pid;

    ServerProbe(long pid) {
        this.pid = pid;
    }

    /** CPU seconds the process has used so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A {@code /proc/<pid>/status} value in MiB (VmRSS, VmHWM), NaN when unreadable. */
    double statusMib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Heap in use right after a full GC, in MiB; NaN when jcmd is missing or the process is not a JVM. */
    double heapAfterGcMib() {
        // jcmd attaches by signalling the process (SIGQUIT): only ever to a JVM, which it would not kill
        if (!isJvm() || jcmd("GC.run") == null) {
            return Double.NaN;
        }
        String info = jcmd("GC.heap_info");
        if (info == null) {
            return Double.NaN;
        }
        Matcher m = HEAP_USED.matcher(info);
        return m.find() ? Long.parseLong(m.group(2)) / 1024.0 : Double.NaN;
    }

    private boolean isJvm() {
        try {
            Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
            return exe.getFileName().toString().equals("java");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
