// An endless loop that never calls a function: only asynchronous preemption can stop it.
package main

func main() {
	go func() {
		for {
		}
	}()
	for {
	}
}
