module portrelay/bench/goforward

go 1.19
