package main

func main() {
	s := make([]int, 1<<20)
	t := make([]int, 1<<20)
	for {
		copy(s, t)
	}
}
