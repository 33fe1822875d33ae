package vn.motcua.load;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What one kind of virtual user hands to another during the run, the way the morning's work flows: a citizen's new
 * dossier (hồ sơ) waits at its ward's desk to be received, a received one waits for the specialist to take it, and a
 * receipt code and phone number, once given to a citizen, are what the public look-up is asked about. Each dossier is
 * taken by one officer only, so that two virtual officers never race for the same one (a 409 there would be the load
 * test's doing, not the service's).
 */
final class Handoffs {

    /** A receipt code as the look-up is asked about it: with the phone number the applicant gave. */
    record Receipt(String code, String phone) {
    }

    private static final int RECENT = 2048;

    private final Map<String, Queue<String>> toReceive = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> toAssign = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Receipt> recent = new AtomicReferenceArray<>(RECENT);
    private final AtomicLong given = new AtomicLong();

    /** A dossier was submitted online to {@code ward}: the desk will receive it, and its code may be looked up. */
    void submitted(String ward, String code, String phone) {
        toReceive.computeIfAbsent(ward, w -> new ConcurrentLinkedQueue<>()).add(code);
        recent.set((int) (given.getAndIncrement() % RECENT), new Receipt(code, phone));
    }

    /** The oldest dossier of {@code ward} not yet received, or null when its desk has caught up. */
    String nextToReceive(String ward) {
        Queue<String> q = toReceive.get(ward);
        return q == null ? null : q.poll();
    }

    /** The desk received it: the specialist of {@code ward} may take it. */
    void received(String ward, String code) {
        toAssign.computeIfAbsent(ward, w -> new ConcurrentLinkedQueue<>()).add(code);
    }

    /** The oldest received dossier of {@code ward} that no specialist has taken, or null. */
    String nextToAssign(String ward) {
        Queue<String> q = toAssign.get(ward);
        return q == null ? null : q.poll();
    }

    /** One of the last receipt codes given, at random, or null before the first. */
    Receipt anyRecent() {
        long n = Math.min(given.get(), RECENT);
        return n == 0 ? null : recent.get(ThreadLocalRandom.current().nextInt((int) n));
    }
}
