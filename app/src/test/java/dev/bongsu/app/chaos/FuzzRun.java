package dev.bongsu.app.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Sends fuzzed requests on a few threads and keeps each answer at its request's index, with the time taken. */
record FuzzRun(List<FuzzClient.Answer> answers, long millis) {

    static FuzzRun run(FuzzClient client, List<FuzzRequest> requests, int workers) {
        long start = System.nanoTime();
        FuzzClient.Answer[] answers = new FuzzClient.Answer[requests.size()];
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                done.add(pool.submit(() -> {
                    for (int i = first; i < requests.size(); i += workers) {
                        FuzzRequest r = requests.get(i);
                        answers[i] = client.send(r.bytes(), r.isHead());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("fuzzing stopped: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        return new FuzzRun(Arrays.asList(answers), (System.nanoTime() - start) / 1_000_000);
    }

    /** Requests sent, answers by status (0: closed without an answer, -1: none in time), time taken, per category. */
    String summary(long seed, List<FuzzRequest> requests) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        int fiveHundreds = 0;
        for (int i = 0; i < answers.size(); i++) {
            int s = answers.get(i).status();
            byStatus.merge(s, 1, Integer::sum);
            byCategory.merge(requests.get(i).category().replaceAll("[ ,].*", ""), 1, Integer::sum);
            if (s >= 500) {
                fiveHundreds++;
            }
        }
        List<String> notHttp = answers.stream().filter(a -> a.status() == -2).map(a -> a.head().lines().findFirst().orElse(""))
                .distinct().limit(3).toList();
        long routes = requests.stream().map(FuzzRequest::route).distinct().count();
        return "route fuzz: seed " + seed + ", " + requests.size() + " requests to " + routes + " routes in " + millis + " ms; "
                + fiveHundreds + " answers >= 500\n  by status (0 = closed without answer, -1 = no answer within the timeout): "
                + byStatus + " (-2 = not an HTTP answer" + (notHttp.isEmpty() ? "" : ", e.g. " + notHttp) + ")\n  by kind: " + byCategory;
    }
}
