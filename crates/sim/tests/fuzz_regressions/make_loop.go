package main

func main() {
	for {
		_ = make([]int, 1<<20)
	}
}
