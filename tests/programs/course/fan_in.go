// Course: fan-in: two producers feed one channel through select; the arrival order varies,
// so the lines are compared as a set.
package main

import "fmt"

func producer(name string, n int) <-chan string {
	out := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			out <- fmt.Sprintf("%s %d", name, i)
		}
		close(out)
	}()
	return out
}

func main() {
	a, b := producer("a", 3), producer("b", 2)
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			fmt.Println(v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			fmt.Println(v)
		}
	}
	fmt.Println("both closed")
}

// Unordered output:
// a 0
// a 1
// a 2
// b 0
// b 1
// both closed
