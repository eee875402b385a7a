Console.Error.WriteLine("usage: ChatbotCli send --url URL --query TEXT");
return 2;
