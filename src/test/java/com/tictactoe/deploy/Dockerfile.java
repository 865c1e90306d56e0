package com.tictactoe.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a Dockerfile, continuation lines joined, comments dropped; enough to check what it says. */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {}

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && pending.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            instructions.add(new Instruction(
                    whole.substring(0, space).toUpperCase(Locale.ROOT),
                    whole.substring(space + 1).strip()));
        }
        return new Dockerfile(instructions);
    }

    /** The instructions after the last FROM: those of the image that runs. */
    Dockerfile finalStage() {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return new Dockerfile(instructions.subList(last, instructions.size()));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream()
                .filter(each -> each.keyword().equals(keyword))
                .toList();
    }

    Optional<Instruction> last(String keyword) {
        List<Instruction> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** A JSON array of strings (the exec form of CMD, ENTRYPOINT, HEALTHCHECK CMD), as Docker reads it. */
    static List<String> execForm(String json) {
        String array = json.strip();
        if (!array.startsWith("[") || !array.endsWith("]")) {
            throw new IllegalArgumentException("not in exec form: " + json);
        }
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(array);
        while (item.find()) {
            items.add(item.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return items;
    }
}
