// Go by Example "Channel Synchronization": main waits for a worker through a done channel.
package main

import (
	"fmt"
	"time"
)

func worker(done chan bool) {
	fmt.Println("working...")
	time.Sleep(50 * time.Millisecond)
	fmt.Println("done")
	done <- true
}

func main() {
	done := make(chan bool, 1)
	go worker(done)
	<-done
	fmt.Println("main exits")
}

// Output:
// working...
// done
// main exits
