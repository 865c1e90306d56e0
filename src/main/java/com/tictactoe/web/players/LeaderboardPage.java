package com.tictactoe.web.players;

import com.tictactoe.application.Records;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The top ten players ({@code leaders.xhtml}), by {@link com.tictactoe.domain.Ranking}; stateless. */
@Named("leaderboard")
@RequestScoped
public class LeaderboardPage {

    @Inject
    private Records records;

    private List<RecordText> leaders;

    public List<RecordText> getLeaders() {
        if (leaders == null) {
            leaders = records.leaders().stream().map(RecordText::of).toList();
        }
        return leaders;
    }
}
