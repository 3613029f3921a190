// Tour "Goroutines": a goroutine and main print in turn, driven only by time.Sleep.
// The goroutine starts 50 ms late so no two prints are due at the same instant.
package main

import (
	"fmt"
	"time"
)

func say(s string, offset time.Duration) {
	time.Sleep(offset)
	for i := 0; i < 5; i++ {
		time.Sleep(100 * time.Millisecond)
		fmt.Println(s)
	}
}

func main() {
	go say("world", 50*time.Millisecond)
	say("hello", 0)
}

// Output:
// hello
// world
// hello
// world
// hello
// world
// hello
// world
// hello
