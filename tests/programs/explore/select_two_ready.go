// Explore: a select with two ready cases (and one on a nil channel, which never
// proceeds). Go picks among the ready cases at random, so the output differs from run
// to run; be the scheduler lets the user pick the case.
package main

import "fmt"

func main() {
	a := make(chan string, 1)
	b := make(chan string, 1)
	var never chan string
	a <- "from a"
	b <- "from b"
	select {
	case <-never:
		fmt.Println("never")
	case v := <-a:
		fmt.Println(v)
	case v := <-b:
		fmt.Println(v)
	}
}

// Run: procs=1
