"""Every word a reader sees, in one place: names of codes and the 용어·방법 appendix (terms),
fixed text (texts), sentences built from data (sentences), numbers (numbers) and particles (josa)."""
