package main

func main() {
	var a, b [1 << 20]int
	n := 0
	for {
		if a == b {
			n++
		}
	}
}
