package com.tictactoe.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a server whose sessions fill its heap, run as a JVM of its own by
 * {@link FailFastJvmTest}: two threads make garbage as requests do, while long-lived 4 KB objects
 * are added at {@code rate} MB/s until they hold {@code share} of the maximum heap, and are then
 * kept, as sessions are until they expire. Prints {@code filled} when they do, and
 * {@code still running} after {@code seconds}, then ends normally.
 *
 * <p>Arguments: share (e.g. 0.94), rate (MB/s), seconds.
 */
public final class HeapFiller {

    private static final int OBJECT_BYTES = 4096;
    private static final double GARBAGE_BYTES_PER_SECOND = 60 * 1024 * 1024;
    private static volatile Object escaped;

    private HeapFiller() {}

    public static void main(String[] args) throws InterruptedException {
        double share = Double.parseDouble(args[0]);
        double rate = Double.parseDouble(args[1]);
        long seconds = Long.parseLong(args[2]);
        for (int i = 0; i < 2; i++) {
            Thread requests = new Thread(HeapFiller::makeGarbage, "requests-" + i);
            requests.setDaemon(true);
            requests.start();
        }
        long target = (long) (share * Runtime.getRuntime().maxMemory()) / OBJECT_BYTES;
        List<byte[]> kept = new ArrayList<>();
        long start = System.nanoTime();
        boolean filled = false;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            long due = Math.min(target, (long) (elapsed * rate * 1024 * 1024 / OBJECT_BYTES));
            while (kept.size() < due) {
                kept.add(new byte[OBJECT_BYTES - 16]);
            }
            if (!filled && kept.size() >= target) {
                filled = true;
                System.out.println("filled");
            }
            Thread.sleep(10);
        }
        System.out.println("still running");
    }

    /**
     * Short-lived objects, a few requests' worth alive at a time, at a server's pace: about 60 MB
     * a second from each thread (unthrottled, the threads would only measure the machine).
     */
    private static void makeGarbage() {
        ArrayDeque<List<Object>> inFlight = new ArrayDeque<>();
        long start = System.nanoTime();
        long made = 0;
        while (true) {
            List<Object> request = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                request.add(new byte[512]);
                request.add("parameter-" + i + "-" + made);
            }
            made += 100 * 600;
            inFlight.addLast(request);
            if (inFlight.size() > 16) {
                escaped = inFlight.removeFirst();
            }
            while (made > GARBAGE_BYTES_PER_SECOND * ((System.nanoTime() - start) / 1e9)) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
