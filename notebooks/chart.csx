// Show(plot): a ScottPlot chart as an inline PNG. Loaded after setup.csx, whose references it compiles against.
using static Microsoft.DotNet.Interactive.Kernel;
void Show(ScottPlot.Plot plot, int width = 640, int height = 420) =>
    display(HTML($"<img src='data:image/png;base64,{Convert.ToBase64String(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png))}' />"));
