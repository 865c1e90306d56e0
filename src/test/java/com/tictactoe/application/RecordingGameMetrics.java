package com.tictactoe.application;

import com.tictactoe.domain.Rejection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what was counted, in order, as words: "created", "move", "refused NOT_YOUR_TURN", ... */
public class RecordingGameMetrics implements GameMetrics {

    private final List<String> counted = new CopyOnWriteArrayList<>();

    public List<String> counted() {
        return List.copyOf(counted);
    }

    public long count(String what) {
        return counted.stream().filter(what::equals).count();
    }

    public void clear() {
        counted.clear();
    }

    @Override
    public void gameCreated() {
        counted.add("created");
    }

    @Override
    public void gameStarted() {
        counted.add("started");
    }

    @Override
    public void gameFinished(boolean draw) {
        counted.add(draw ? "finished draw" : "finished win");
    }

    @Override
    public void moveMade() {
        counted.add("move");
    }

    @Override
    public void moveRefused(Rejection reason) {
        counted.add("refused " + reason);
    }

    @Override
    public void signIn(SignIn outcome) {
        counted.add("sign-in " + outcome);
    }

    @Override
    public void livePageOpened() {
        counted.add("page opened");
    }

    @Override
    public void livePageClosed() {
        counted.add("page closed");
    }
}
