package main

func main() {
	a1 := 1
	a2 := 1
	a3 := 1
	a4 := 1
	a5 := 1
	a6 := 1
	a7 := 1
	a8 := 1
	a9 := 1
	a10 := 1
	a11 := 1
	a12 := 1
}
// Errors:
// main.go:4:2: declared and not used: a1
// main.go:5:2: declared and not used: a2
// main.go:6:2: declared and not used: a3
// main.go:7:2: declared and not used: a4
// main.go:8:2: declared and not used: a5
// main.go:9:2: declared and not used: a6
// main.go:10:2: declared and not used: a7
// main.go:11:2: declared and not used: a8
// main.go:12:2: declared and not used: a9
// main.go:13:2: declared and not used: a10
