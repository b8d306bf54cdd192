"""The optional language model: interface and fake, the gpt4all engine, worker, classroom server, prompts, grounding."""
